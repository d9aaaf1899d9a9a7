import { packageSameOption } from "../../helpers/proto-package-option.js";

export default packageSameOption({ id: "PACKAGE_SAME_SWIFT_PREFIX", option: "swift_prefix", number: 39 });
