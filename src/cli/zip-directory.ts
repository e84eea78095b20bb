// The zip reader the .xlsx adapter uses, for the command line's own look into files (an earlier result, an old format's size).
export { entryData, zipDirectory, type ZipEntry } from "../xlsx/zip-directory";
