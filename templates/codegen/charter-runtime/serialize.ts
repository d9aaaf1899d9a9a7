/*
 * OpenAPI 3.0/3.1 serialization of parameters and request bodies (the specification's "Style
 * Values" and "Encoding Object"). matrix, label, simple and form are RFC 6570 expansions, done by
 * `url-template`; deepObject and bracket-notation form bodies are written by `qs` in the indexed
 * notation Stripe's own client sends (`metadata[order_id]=6735`, `tax_ids[0][type]=eu_vat`,
 * `expand[0]=data.customer`), brackets left readable as that client leaves them.
 */
import qs from "qs";
import { parseTemplate } from "url-template";

export type ParameterStyle = "matrix" | "label" | "simple" | "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

/** How one parameter is written, from the contract; absent fields take the OpenAPI defaults. */
export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  style?: ParameterStyle;
  explode?: boolean;
  allowReserved?: boolean;
  /** The media type of a parameter declared with `content` instead of `schema`. */
  contentType?: string;
}

/** The Encoding Object of one property of a form or multipart body. */
export interface EncodingSpec {
  contentType?: string;
  style?: ParameterStyle;
  explode?: boolean;
  allowReserved?: boolean;
}

export interface BodySpec {
  /** The media type the client sends. */
  type: string;
  encoding?: Record<string, EncodingSpec>;
}

const DEFAULT_STYLE: Record<ParameterSpec["in"], ParameterStyle> = { path: "simple", query: "form", header: "simple", cookie: "form" };

const isJson = (type: string) => /^application\/(?:[^;]*\+)?json\b/i.test(type.trim());

type Template = Parameters<ReturnType<typeof parseTemplate>["expand"]>[0][string];

/** Primitives as RFC 6570 sees them: strings; null and undefined leave the value out. */
function templateValue(value: unknown): Template | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.filter((v) => v !== undefined && v !== null).map(String);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));
  }
  return String(value);
}

/** One RFC 6570 expression, `{;name*}` and the like, for a name that may hold any character. */
function expand(operator: string, name: string, value: unknown, explode: boolean): string {
  const v = templateValue(value);
  if (v === undefined) return "";
  // Template syntax reserves `{},:*` in names: expand under a placeholder, then write the name encoded.
  const placeholder = "p";
  const text = parseTemplate(`{${operator}${placeholder}${explode ? "*" : ""}}`).expand({ [placeholder]: v });
  const encodedPlaceholder = new RegExp(`(^|[;?&])${placeholder}=`, "g");
  const encodedBare = new RegExp(`(^|[;?&])${placeholder}(?=$|[;?&])`, "g");
  const encodedName = encodeURIComponent(name);
  // An exploded object writes its own keys, never the name (a key may even be the placeholder).
  const named = (operator === ";" || operator === "?" || operator === "&") && !(explode && typeof v === "object" && !Array.isArray(v));
  return named ? text.replace(encodedPlaceholder, `$1${encodedName}=`).replace(encodedBare, `$1${encodedName}`) : text;
}

/** Brackets left as they are, the way Stripe's client writes bracket notation. */
function brackets(text: string): string {
  return text.replace(/%5B/gi, "[").replace(/%5D/gi, "]");
}

/** `style: deepObject`, and nested objects and arrays in bracket notation with indices. */
export function deepObject(name: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const text = brackets(qs.stringify({ [name]: value }, { format: "RFC3986" }));
  return text === "" ? [] : text.split("&");
}

/** The value of a parameter declared with `content`: serialised by its media type. */
function contentValue(value: unknown, type: string): string {
  return isJson(type) ? JSON.stringify(value) : String(value);
}

/** The `name=value` pairs of a query parameter (or a form body property), already percent-encoded. */
export function queryPairs(spec: Omit<ParameterSpec, "in">, value: unknown): string[] {
  if (value === undefined) return [];
  if (spec.contentType !== undefined) return [`${encodeURIComponent(spec.name)}=${encodeURIComponent(contentValue(value, spec.contentType))}`];
  const style = spec.style ?? "form";
  const explode = spec.explode ?? style === "form";
  if (style === "deepObject") return deepObject(spec.name, value);
  if (style === "spaceDelimited" || style === "pipeDelimited") {
    if (typeof value !== "object" || value === null || explode) return queryPairs({ ...spec, style: "form" }, value);
    const items = Array.isArray(value) ? value : Object.entries(value).flat();
    const glue = style === "spaceDelimited" ? "%20" : "|";
    return [`${encodeURIComponent(spec.name)}=${items.map((item) => encodeURIComponent(String(item))).join(glue)}`];
  }
  if (spec.allowReserved) return reservedPairs(spec.name, value, explode);
  const text = expand("?", spec.name, value, explode);
  return text === "" ? [] : text.slice(1).split("&");
}

/** `allowReserved: true`: RFC 3986 reserved characters stay as they are (RFC 6570 `{+var}`). */
function reservedPairs(name: string, value: unknown, explode: boolean): string[] {
  const key = encodeURIComponent(name);
  const reserved = (v: unknown) => parseTemplate("{+v}").expand({ v: templateValue(v) ?? null });
  if (value === null) return [`${key}=`];
  if (Array.isArray(value) && explode) return value.map((v) => `${key}=${reserved(v)}`);
  if (typeof value === "object" && !Array.isArray(value) && explode) {
    return Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${encodeURIComponent(k)}=${reserved(v)}`);
  }
  return [`${key}=${reserved(value)}`];
}

/** A path parameter's text in place of `{name}`: simple, label or matrix. */
export function pathValue(spec: ParameterSpec, value: unknown): string {
  if (spec.contentType !== undefined) return encodeURIComponent(contentValue(value, spec.contentType));
  const style = spec.style ?? DEFAULT_STYLE.path;
  const operator = style === "label" ? "." : style === "matrix" ? ";" : "";
  return expand(operator, spec.name, value, spec.explode ?? false);
}

/** A header's value (simple style). Header values are not percent-encoded. */
export function headerValue(spec: ParameterSpec, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (spec.contentType !== undefined) return contentValue(value, spec.contentType);
  if (Array.isArray(value)) return value.map(String).join(",");
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.map(([k, v]) => (spec.explode ? `${k}=${String(v)}` : `${k},${String(v)}`)).join(",");
  }
  return String(value);
}

/** The `name=value` pairs of a cookie parameter (form style), for one `Cookie` header. */
export function cookiePairs(spec: ParameterSpec, value: unknown): string[] {
  return queryPairs({ ...spec, style: "form" }, value);
}

/** An `application/x-www-form-urlencoded` body: each property as its Encoding Object says. */
export function formBody(value: Record<string, unknown>, encoding: Record<string, EncodingSpec> = {}): string {
  return Object.entries(value)
    .flatMap(([name, v]) => queryPairs({ name, ...encoding[name] }, v))
    .join("&");
}

/** A `multipart/form-data` body: files as they are, arrays as repeated parts, objects as JSON. */
export function multipartBody(value: Record<string, unknown>, encoding: Record<string, EncodingSpec> = {}): FormData {
  const form = new FormData();
  for (const [name, property] of Object.entries(value)) {
    const type = encoding[name]?.contentType?.split(",")[0]?.trim();
    for (const item of Array.isArray(property) ? property : [property]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(name, item);
      else if (typeof item === "object") form.append(name, new Blob([JSON.stringify(item)], { type: type ?? "application/json" }));
      else if (type !== undefined && !/^text\/plain\b/i.test(type)) form.append(name, new Blob([String(item)], { type }));
      else form.append(name, String(item));
    }
  }
  return form;
}

/** The body fetch sends for a media type, or a TypeError for a value that type cannot carry. */
export function requestBody(spec: BodySpec, value: unknown): BodyInit {
  const type = spec.type;
  if (isJson(type)) return JSON.stringify(value);
  const record = () => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError(`a ${type} body must be an object`);
    return value as Record<string, unknown>;
  };
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) return formBody(record(), spec.encoding);
  if (/^multipart\/form-data\b/i.test(type)) return multipartBody(record(), spec.encoding);
  if (value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof ReadableStream) return value as BodyInit;
  return String(value);
}
