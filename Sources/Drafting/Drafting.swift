// Staff tools that write content: `new` records and `import` of documents.
