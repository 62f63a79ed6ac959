/** The phone's bottom sheets: a grip to fold, open or drag the place panel and the sidebar. */
export { SheetHandle, useSheet } from './SheetHandle';
export { cycleSheet, snapSheet, stepSheet, SHEET_SHARE, type SheetState } from './sheetModel';
