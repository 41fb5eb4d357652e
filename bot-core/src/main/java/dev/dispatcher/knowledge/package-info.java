/** The specialists' documents: sections, BM25 over them, links into them, and the prompt templates. */
package dev.dispatcher.knowledge;
