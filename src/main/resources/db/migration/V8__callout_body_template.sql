-- Format TEMPLATE: the callout's own body, a Mustache template, and the body's content type
-- (both NULL for the other formats). The length is BodyTemplates.MAX_TEMPLATE.
ALTER TABLE callout ADD COLUMN template VARCHAR(65536);
ALTER TABLE callout ADD COLUMN content_type VARCHAR(255);
