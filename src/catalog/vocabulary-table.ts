/** The shape of the generated vocabulary table (data/vocabulary.generated.ts), apart from its reader. */

/** One source of the vocabulary. */
export interface VocabularySource {
  /** Stable id (`swagger`, `architect-scripting-docs`, ...). */
  id: string;
  /** Short name for messages (`swagger`, `Architect Scripting docs`, ...); several sources may share one. */
  label: string;
  /** Where exactly: file and sha256, or repository@commit and path, or the page title. */
  cite: string;
  url?: string;
}

/** The generated table: sources, and per name the indexes of its sources (arrays: no object keys from data). */
export interface VocabularyTable {
  sources: VocabularySource[];
  permissions: Array<[string, number[]]>;
  scopes: Array<[string, number[]]>;
}
