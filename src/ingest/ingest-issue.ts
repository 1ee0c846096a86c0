/** A record that could not be ingested: where it is and why. The rest of the file goes on. */
export interface IngestIssue {
  file: string;
  /** "line 12", "record 3 (line 40)", "front matter"... */
  location: string;
  reason: string;
}

export interface ReaderContext {
  report(issue: IngestIssue): void;
  /** Called with the number of bytes consumed so far in the current file. */
  onProgress?(bytesRead: number): void;
}
