// The built-in templates precompiled when the tool is built (scripts/build-tool.mjs, plugin
// precompiledTemplates): Handlebars specs by template name, each with the hash of the text it
// was made from. Empty when running from source (jest), where templates are compiled as read.
declare module 'coursepack:precompiled-templates' {
  const templates: Record<string, { hash: string; spec: TemplateSpecification }>;
  export default templates;
}
