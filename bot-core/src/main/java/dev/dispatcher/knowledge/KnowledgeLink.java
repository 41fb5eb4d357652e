package dev.dispatcher.knowledge;

/**
 * Where a reply points for reading: the specialist's document and, when one matched, its best section.
 *
 * @param path    the document's path in the checkout, e.g. {@code knowledgebase/backend/authentication.md}
 * @param url     the clickable link: {@code DISPATCHER_KB_URL} joined with the path, or the path itself, plus the anchor
 * @param section heading of the best-matching section, or {@code null} when none matched
 */
public record KnowledgeLink(String path, String url, String section) {

    public boolean hasSection() {
        return section != null;
    }
}
