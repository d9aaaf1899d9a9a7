/** What an OpenAPI comparison needs from the run. */
export interface OpenApiOptions {
  /** Today, for sunset dates (`x-sunset`). */
  today: Date;
}
