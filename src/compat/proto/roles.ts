import type { AnyDesc, DescEnum, DescMessage } from "@bufbuild/protobuf";
import type { ProtoImage } from "../../contracts/proto/image.js";
import { worst, type Effect, type Verdict } from "../verdict.js";

/**
 * Who writes a message (ARCHITECTURE.md, "The compatibility model"): clients write requests, servers write responses, and a
 * message no RPC reaches is data (producers write it). Types are named by full name.
 */
export interface Roles {
  request: Set<string>;
  response: Set<string>;
}

function reach(start: DescMessage, into: Set<string>): void {
  const stack: (DescMessage | DescEnum)[] = [start];
  while (stack.length) {
    const desc = stack.pop()!;
    if (into.has(desc.typeName)) continue;
    into.add(desc.typeName);
    if (desc.kind === "enum") continue;
    for (const field of desc.fields) {
      const target = field.message ?? field.enum;
      if (target) stack.push(target);
    }
  }
}

/** Roles over both versions: a message reached by an RPC in either one is an API message. */
export function computeRoles(...images: ProtoImage[]): Roles {
  const roles: Roles = { request: new Set(), response: new Set() };
  for (const image of images) {
    for (const service of image.services.values()) {
      for (const method of service.methods) {
        reach(method.input, roles.request);
        reach(method.output, roles.response);
      }
    }
  }
  return roles;
}

/** The type whose role decides a subject's directions. */
function owner(subject: AnyDesc): AnyDesc {
  switch (subject.kind) {
    case "field":
    case "oneof":
    case "enum_value":
      return owner(subject.parent);
    default:
      return subject;
  }
}

/**
 * Turns flows into directions. Data, requests and RPC sets are written by the old side's peers in
 * the backward case (old ⊆ new); responses flip it. A type in both roles takes the worse of both.
 */
export function directions(subject: AnyDesc, effect: Effect, roles: Roles): { backward: Verdict; forward: Verdict } {
  const type = owner(subject);
  const name = type.kind === "message" || type.kind === "enum" ? type.typeName : "";
  const isResponse = roles.response.has(name);
  const isRequestLike = !isResponse || roles.request.has(name);
  const backward: Verdict[] = [];
  const forward: Verdict[] = [];
  if (isRequestLike) backward.push(effect.oldToNew), forward.push(effect.newToOld);
  if (isResponse) backward.push(effect.newToOld), forward.push(effect.oldToNew);
  return { backward: worst(...backward), forward: worst(...forward) };
}
