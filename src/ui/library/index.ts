/** The library in the app: the shell that shows the newsletter the URL names, its list and its hook. */
export { LibraryShell } from './LibraryShell';
export { LibraryMenu } from './LibraryMenu';
export { newsletterParam, useLibrary, type Library } from './useLibrary';
export type { Current, Geoparse, LibrarySetup, ShownNewsletter } from './types';
