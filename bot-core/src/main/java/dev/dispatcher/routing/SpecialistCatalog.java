package dev.dispatcher.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The specialists and routing settings read from {@code knowledgebase/routing.yaml}.
 *
 * <p>Loading validates the whole file before anything routes on it: a missing or mistyped field stops start-up with
 * a {@link ConfigException} naming the file and the field. Instances are immutable and thread-safe.
 */
public final class SpecialistCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final List<Specialist> inPriorityOrder;
    private final Map<String, Specialist> byId;
    private final RoutingSettings settings;
    private final String activationTemplate;
    private final String examples;
    private final Conventions conventions;

    SpecialistCatalog(List<Specialist> specialists, RoutingSettings settings, String activationTemplate, String examples,
                      Conventions conventions) {
        this.examples = examples;
        this.conventions = conventions;
        this.inPriorityOrder = specialists.stream().sorted(Comparator.comparingInt(Specialist::priority)).toList();
        Map<String, Specialist> index = new LinkedHashMap<>();
        inPriorityOrder.forEach(s -> index.put(s.id(), s));
        this.byId = Map.copyOf(index);
        this.settings = settings;
        this.activationTemplate = activationTemplate;
    }

    /**
     * Reads and validates a routing configuration.
     *
     * @param file the YAML (or JSON) file
     * @return the catalog
     * @throws ConfigException when the file is not found, not UTF-8, not valid YAML (naming the line and column), or any
     *                         field is absent or wrong
     */
    public static SpecialistCatalog load(Path file) {
        JsonNode root = YamlFile.read(file);
        if (root == null || !root.isObject()) {
            throw new ConfigException(file, "", "expected a mapping with 'settings' and 'specialists'");
        }
        Reader reader = new Reader(file);
        RoutingSettings settings = reader.settings(root.path("settings"));
        String activation = reader.text(root, "activationTemplate");
        String examples = root.has("examples") ? reader.text(root, "examples") : null;
        JsonNode list = root.path("specialists");
        if (!list.isArray() || list.isEmpty()) {
            throw new ConfigException(file, "specialists", "expected a non-empty list of specialists");
        }
        List<Specialist> specialists = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Specialist s = reader.specialist(list.get(i), "specialists[" + i + "]");
            if (!ids.add(s.id())) {
                throw new ConfigException(file, "specialists[" + i + "].id", "duplicate id '" + s.id() + "'");
            }
            specialists.add(s);
        }
        if (settings.crossDomainSpecialist() != null && !ids.contains(settings.crossDomainSpecialist())) {
            throw new ConfigException(file, "settings.crossDomainSpecialist",
                    "'" + settings.crossDomainSpecialist() + "' is not one of the specialists " + ids);
        }
        if (!ids.contains(settings.fallbackSpecialist())) {
            throw new ConfigException(file, "settings.fallbackSpecialist",
                    "'" + settings.fallbackSpecialist() + "' is not one of the specialists " + ids);
        }
        Conventions conventions = reader.conventions(root.path("conventions"), ids);
        return new SpecialistCatalog(specialists, settings, activation, examples, conventions);
    }

    /** All specialists, highest priority first. */
    public List<Specialist> specialists() {
        return inPriorityOrder;
    }

    public Optional<Specialist> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id.trim()));
    }

    /**
     * The specialist with this id.
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    public Specialist get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown specialist '" + id + "'; known: " + String.join(", ", byId.keySet())));
    }

    public Specialist fallback() {
        return byId.get(settings.fallbackSpecialist());
    }

    public RoutingSettings settings() {
        return settings;
    }

    /** Path of the labelled examples (JSON lines), relative to the knowledge-base root, or {@code null} for none. */
    public String examplesFile() {
        return examples;
    }

    /** Who owns each kind of request the team has a convention for. */
    public Conventions conventions() {
        return conventions;
    }

    /** Path of the activation template, relative to the knowledge-base root. */
    public String activationTemplate() {
        return activationTemplate;
    }

    /** Reads fields from the tree and names the path of the first one that is wrong. */
    private record Reader(Path file) {

        RoutingSettings settings(JsonNode node) {
            RoutingSettings d = RoutingSettings.defaults();
            if (node.isMissingNode()) {
                return d;
            }
            if (!node.isObject()) {
                throw new ConfigException(file, "settings", "expected a mapping");
            }
            return new RoutingSettings(
                    node.has("fallbackSpecialist") ? text(node, "fallbackSpecialist", "settings.fallbackSpecialist") : d.fallbackSpecialist(),
                    fraction(node, "minConfidence", d.minConfidence()),
                    positive(node, "minEvidence", d.minEvidence()),
                    fraction(node, "alsoConsiderShare", d.alsoConsiderShare()),
                    (int) positive(node, "maxTaskChars", d.maxTaskChars()),
                    positive(node, "keywordWeight", d.keywordWeight()),
                    positive(node, "knowledgeWeight", d.knowledgeWeight()),
                    positive(node, "exampleWeight", d.exampleWeight()),
                    node.has("crossDomainSpecialist") ? blankToNull(node.path("crossDomainSpecialist").asText()) : d.crossDomainSpecialist(),
                    node.has("crossDomainBonus") ? number(node, "crossDomainBonus", 0) : d.crossDomainBonus(),
                    positive(node, "labelledExampleWeight", d.labelledExampleWeight()),
                    fraction(node, "labelledExampleMinSimilarity", d.labelledExampleMinSimilarity()),
                    nonNegative(node, "exampleClassifierWeight", d.exampleClassifierWeight()),
                    node.has("endpointPrefix") ? regex(node.path("endpointPrefix"), "settings.endpointPrefix") : d.endpointPrefix());
        }

        Specialist specialist(JsonNode node, String path) {
            if (!node.isObject()) {
                throw new ConfigException(file, path, "expected a mapping");
            }
            String id = text(node, "id", path + ".id");
            if (!ID.matcher(id).matches()) {
                throw new ConfigException(file, path + ".id", "'" + id + "' must be lower-case words joined by '-'");
            }
            JsonNode priority = node.path("priority");
            if (!priority.canConvertToInt() || priority.asInt() < 1) {
                throw new ConfigException(file, path + ".priority", "expected a whole number from 1");
            }
            Map<String, Double> keywords = weights(node, "keywords", path);
            Map<String, Double> phrases = node.has("phrases") ? weights(node, "phrases", path) : Map.of();
            for (String phrase : phrases.keySet()) {
                if (!phrase.trim().contains(" ")) {
                    throw new ConfigException(file, path + ".phrases." + phrase, "a phrase needs at least two words; put single words under keywords");
                }
            }
            List<Specialist.TextPattern> patterns = patterns(node.path("patterns"), path + ".patterns");
            return new Specialist(id,
                    text(node, "displayName", path + ".displayName"),
                    node.path("emoji").asText(""),
                    text(node, "description", path + ".description"),
                    priority.asInt(),
                    text(node, "document", path + ".document"),
                    text(node, "template", path + ".template"),
                    keywords, phrases, patterns);
        }

        Conventions conventions(JsonNode node, Set<String> ids) {
            if (node.isMissingNode() || node.isNull()) {
                return Conventions.none();
            }
            if (!node.isObject()) {
                throw new ConfigException(file, "conventions", "expected a mapping of kind to {owner, alternative}");
            }
            List<Conventions.Convention> list = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "conventions." + e.getKey();
                if (!e.getValue().isObject()) {
                    throw new ConfigException(file, path, "expected {owner, alternative}");
                }
                String owner = owner(e.getValue(), "owner", path, ids);
                String alternative = owner(e.getValue(), "alternative", path, ids);
                if (owner.equals(alternative)) {
                    throw new ConfigException(file, path + ".alternative", "must differ from the owner");
                }
                list.add(new Conventions.Convention(e.getKey(), owner, alternative));
            }
            return new Conventions(list);
        }

        private String owner(JsonNode node, String name, String path, Set<String> ids) {
            String value = text(node, name, path + "." + name);
            if (!value.equals(Conventions.DOMAIN) && !ids.contains(value)) {
                throw new ConfigException(file, path + "." + name, "'" + value + "' is neither '" + Conventions.DOMAIN
                        + "' nor one of the specialists " + ids);
            }
            return value;
        }

        List<Specialist.TextPattern> patterns(JsonNode list, String path) {
            if (list.isMissingNode()) {
                return List.of();
            }
            if (!list.isArray()) {
                throw new ConfigException(file, path, "expected a list of {name, regex, weight}");
            }
            List<Specialist.TextPattern> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                String at = path + "[" + i + "]";
                String name = text(node, "name", at + ".name");
                String regex = text(node, "regex", at + ".regex");
                if (!node.path("weight").isNumber() || node.path("weight").asDouble() <= 0) {
                    throw new ConfigException(file, at + ".weight", "weight must be a positive number");
                }
                out.add(new Specialist.TextPattern(name, regex(node.path("regex"), at + ".regex"), node.path("weight").asDouble()));
            }
            return out;
        }

        Pattern regex(JsonNode value, String path) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new ConfigException(file, path, "required text is missing");
            }
            try {
                return Pattern.compile(value.asText());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ConfigException(file, path, "not a valid regular expression: " + e.getDescription());
            }
        }

        Map<String, Double> weights(JsonNode node, String name, String path) {
            JsonNode map = node.path(name);
            if (!map.isObject() || map.isEmpty()) {
                throw new ConfigException(file, path + "." + name, "expected a mapping of term to weight");
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNumber() || e.getValue().asDouble() <= 0) {
                    throw new ConfigException(file, path + "." + name + "." + e.getKey(), "weight must be a positive number");
                }
                out.put(e.getKey().toLowerCase(java.util.Locale.ROOT).trim(), e.getValue().asDouble());
            }
            return out;
        }

        String text(JsonNode node, String name) {
            return text(node, name, name);
        }

        String text(JsonNode node, String name, String path) {
            JsonNode value = node.path(name);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new ConfigException(file, path, "required text is missing");
            }
            return value.asText().trim();
        }

        static String blankToNull(String value) {
            return value == null || value.isBlank() || value.equals("null") ? null : value.trim();
        }

        double fraction(JsonNode node, String name, double fallback) {
            double v = number(node, name, fallback);
            if (v < 0 || v > 1) {
                throw new ConfigException(file, "settings." + name, "expected a number between 0 and 1");
            }
            return v;
        }

        double positive(JsonNode node, String name, double fallback) {
            double v = number(node, name, fallback);
            if (v <= 0) {
                throw new ConfigException(file, "settings." + name, "expected a positive number");
            }
            return v;
        }

        double nonNegative(JsonNode node, String name, double fallback) {
            double v = number(node, name, fallback);
            if (v < 0) {
                throw new ConfigException(file, "settings." + name, "expected zero (off) or a positive number");
            }
            return v;
        }

        double number(JsonNode node, String name, double fallback) {
            if (!node.has(name)) {
                return fallback;
            }
            if (!node.get(name).isNumber()) {
                throw new ConfigException(file, "settings." + name, "expected a number");
            }
            return node.get(name).asDouble();
        }
    }
}
