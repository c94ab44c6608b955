import type { Role } from './roles';

/** Contract of the `roster` cloud function (村民花名册). */

export interface RosterFileInput {
  villageId: string;
  /** Ends with .xlsx or .csv */
  fileName: string;
  /** The file's bytes, base64. */
  fileBase64: string;
}

export interface RosterRowError {
  row: number;
  column?: string;
  message: string;
}

export interface RosterPreview {
  total: number;
  errors: RosterRowError[];
  /** New people, people whose details change, people no longer listed. */
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface RosterImportResult {
  imported: number;
  added: number;
  updated: number;
  removed: number;
}

export interface RosterListInput {
  villageId: string;
  page?: number;
}

export interface RosterPerson {
  id: string;
  name: string;
  gender: '男' | '女';
  idMasked: string;
  householdNo: string;
  relation: string;
  group: string;
  flags: string[];
  verified: boolean;
  /** Roles given by the village or township (书记, 会计, 监委会…). */
  assignedRoles: Role[];
}

export interface RosterList {
  total: number;
  page: number;
  pageSize: number;
  people: RosterPerson[];
}

export interface RosterApi {
  previewImport: { input: RosterFileInput; output: RosterPreview };
  commitImport: { input: RosterFileInput; output: RosterImportResult };
  list: { input: RosterListInput; output: RosterList };
}
