/**
 * The file charter writes into every site it builds: `charter docs` replaces the content of a
 * folder only when it is there (or the folder is empty). Its own module, so the CLI can check it
 * without loading the site builder.
 */
export const SITE_MARKER = ".charter-site";
