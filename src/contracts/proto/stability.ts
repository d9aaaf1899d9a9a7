/**
 * buf's reading of a package's last component: `v1`, `v2` are stable; `v1alpha1`, `v1beta2`,
 * `v1test`, `v1p1alpha1` are not.
 */
const UNSTABLE = /^v\d+(p\d+)?(alpha|beta)\d*$|^v\d+(p\d+)?test\w*$/;

export function isUnstablePackage(pkg: string): boolean {
  const last = pkg.split(".").pop() ?? "";
  return UNSTABLE.test(last);
}
