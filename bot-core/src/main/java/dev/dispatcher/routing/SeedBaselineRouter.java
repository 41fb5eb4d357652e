package dev.dispatcher.routing;

import dev.dispatcher.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Locale;

/**
 * The seed document's {@code route_task}, reproduced exactly, mistakes included: substring matching on the lower-cased
 * text, the first rule with any hit wins, and the default is the overview specialist.
 *
 * <p>Used only by {@code eval} and the benchmarks, as the baseline our router must beat. Stateless and thread-safe.
 */
public final class SeedBaselineRouter implements Router {

    private record Rule(List<String> keywords, String specialist) {}

    private static final List<Rule> RULES = List.of(
            new Rule(List.of("jwt", "token", "login", "auth", "password", "security", "session"), "auth-system-architect"),
            new Rule(List.of("database", "db", "model", "sqlalchemy", "query", "migration"), "database-architect"),
            new Rule(List.of("debug", "error", "fix", "bug", "crash", "500", "404", "401"), "troubleshooting-architect"),
            new Rule(List.of("endpoint", "api", "route", "rest", "get", "post", "put", "delete"), "api-endpoints-architect"),
            new Rule(List.of("user", "users", "profile", "role", "manager", "crud", "admin"), "user-management-architect"),
            new Rule(List.of("service", "email", "ai", "openai", "smtp", "integration"), "services-architect"),
            new Rule(List.of("config", "environment", "env", "settings", "production", "deployment"), "config-architect"),
            new Rule(List.of("architecture", "overview", "structure", "help"), "backend-overview-architect"));

    private static final String DEFAULT = "backend-overview-architect";

    private final KnowledgeBase knowledge;

    public SeedBaselineRouter(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** The seed's answer alone, without building a decision. */
    public static String routeTask(String userRequest) {
        String requestLower = userRequest.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.keywords().stream().anyMatch(requestLower::contains)) {
                return rule.specialist();
            }
        }
        return DEFAULT;
    }

    @Override
    public RoutingDecision route(String task) {
        String text = task == null ? "" : task;
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            List<String> hits = rule.keywords().stream().filter(lower::contains).toList();
            if (!hits.isEmpty()) {
                Evidence evidence = new Evidence(rule.specialist(), hits, hits.size(), 0, 0, 0, 1.0);
                return new RoutingDecision(rule.specialist(), 1.0, List.of(evidence), List.of(), null,
                        knowledge.link(rule.specialist(), null), text.length(), false, 0, List.of());
            }
        }
        return new RoutingDecision(DEFAULT, 0, List.of(), List.of(),
                new FallbackReason(FallbackReason.Kind.NO_EVIDENCE, "No backend-specific keywords detected."),
                knowledge.link(DEFAULT, null), text.length(), false, 0, List.of());
    }
}
