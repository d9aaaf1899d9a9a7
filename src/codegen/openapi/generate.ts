import type { Snapshot } from "../../registry/snapshot.js";

/** A typed client package per OpenAPI contract. */
export async function generateOpenApiClients(_registry: Snapshot): Promise<Map<string, string>> {
  return new Map();
}
