import { type ImportError, type ImportReport, MAX_LISTED_ERRORS } from './imports.schemas.js';

/** Adds up counts and errors of files and batches; lists at most MAX_LISTED_ERRORS errors. */
export class ReportBuilder {
  imported = 0;
  updated = 0;
  unchanged = 0;
  rejected = 0;
  readonly errors: ImportError[] = [];
  private unlisted = 0;

  /** Records a rejected row (or file) with one or more problems. */
  reject(errors: readonly ImportError[]): void {
    if (errors.length === 0) return;
    this.rejected++;
    this.list(errors);
  }

  /** Adds another report; its rejected rows were already counted there. */
  add(other: {
    imported: number;
    updated: number;
    unchanged: number;
    rejected?: number;
    errors: readonly ImportError[];
  }): void {
    this.imported += other.imported;
    this.updated += other.updated;
    this.unchanged += other.unchanged;
    this.rejected += other.rejected ?? other.errors.length;
    this.list(other.errors);
  }

  private list(errors: readonly ImportError[]): void {
    for (const error of errors) {
      if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
      else this.unlisted++;
    }
  }

  toReport(): ImportReport {
    const errors = [...this.errors];
    const last = errors[errors.length - 1];
    if (this.unlisted > 0 && last)
      errors.push({
        file: last.file,
        row: 0,
        field: 'file',
        message: `${this.unlisted} more errors not listed`,
      });
    return {
      imported: this.imported,
      updated: this.updated,
      unchanged: this.unchanged,
      rejected: this.rejected,
      errors,
    };
  }
}
