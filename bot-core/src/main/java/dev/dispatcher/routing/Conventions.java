package dev.dispatcher.routing;

import java.util.List;

/**
 * A team's conventions: for each kind of request two specialists could own ({@code domain-failure},
 * {@code user-data}, {@code access-control}), who owns it and who is the alternative named under "also consider".
 *
 * <p>The labelled examples carry their kind and are stored under the default conventions; a team that decides
 * otherwise swaps owner and alternative in {@code routing.yaml}, and the examples of that kind are relabelled when they
 * are loaded, so the router learns the team's convention without anyone writing keywords. Immutable.
 *
 * @param kinds the conventions, in configuration order
 */
public record Conventions(List<Convention> kinds) {

    /** As owner or alternative: the specialist of the domain the request names (an example's own label). */
    public static final String DOMAIN = "domain";

    public Conventions {
        kinds = List.copyOf(kinds);
    }

    public static Conventions none() {
        return new Conventions(List.of());
    }

    /**
     * Who owns one kind of request.
     *
     * @param kind        the kind, as the examples' {@code kind} field names it
     * @param owner       a specialist id, or {@link #DOMAIN}
     * @param alternative a specialist id, or {@link #DOMAIN}; named under "also consider"
     */
    public record Convention(String kind, String owner, String alternative) {

        /** The specialist that owns a request of this kind that names {@code domain}. */
        public String ownerFor(String domain) {
            return DOMAIN.equals(owner) ? domain : owner;
        }

        public String alternativeFor(String domain) {
            return DOMAIN.equals(alternative) ? domain : alternative;
        }
    }

    public int size() {
        return kinds.size();
    }

    /** Index of a kind, or -1 when the team has no convention for it. */
    public int indexOf(String kind) {
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).kind().equals(kind)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The label an example has under these conventions.
     *
     * @param kind        the example's kind, or {@code null}
     * @param storedLabel its label as stored, under the default conventions (for a domain failure: the domain's owner)
     */
    public String labelFor(String kind, String storedLabel) {
        int i = kind == null ? -1 : indexOf(kind);
        return i < 0 ? storedLabel : kinds.get(i).ownerFor(storedLabel);
    }
}
