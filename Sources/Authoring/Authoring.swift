// Authoring module
