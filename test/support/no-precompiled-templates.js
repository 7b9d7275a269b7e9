// Jest runs the compiler from source: no precompiled templates (they are made when the tool's
// bundle is built), so the templates are compiled from their text.
module.exports = {};
