/** "Download for offline": the single-file copy with the teacher's saved choices. */
export { OfflineDownload } from './OfflineDownload';
