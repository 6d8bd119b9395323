/** Trainset's version, as package.json gives it (a test keeps the two equal): written into project files and manifests. */
export const TRAINSET_VERSION = '0.1.0';
