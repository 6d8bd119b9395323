export {
  isProjectFile,
  projectFileName,
  readProject,
  writeProject,
  PROJECT_EXTENSION,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  type ProjectContent,
  type ProjectRead,
} from './project';
