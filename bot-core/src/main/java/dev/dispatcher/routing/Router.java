package dev.dispatcher.routing;

/** Decides which specialist owns a task; implementations are thread-safe. */
public interface Router {

    /**
     * Routes one task.
     *
     * @param task the task as the user typed it, possibly empty or very long
     * @return the decision; never {@code null}
     */
    RoutingDecision route(String task);
}
