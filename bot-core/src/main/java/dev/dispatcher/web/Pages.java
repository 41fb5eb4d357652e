package dev.dispatcher.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The page's templates ({@code src/main/jte}), compiled to classes at build time by the jte Maven plugin, so nothing
 * compiles at run time. jte escapes every {@code ${…}} for where it stands (text, attribute), which is what keeps a
 * task that contains {@code <script>} a piece of text. Thread-safe.
 */
final class Pages {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** A template with its one parameter, as HTML. */
    String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }
}
