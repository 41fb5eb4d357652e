package dev.dispatcher.web;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.feedback.AccuracySeries;
import dev.dispatcher.feedback.RoutingStats;
import dev.dispatcher.feedback.StatsScope;
import dev.dispatcher.routing.Specialist;
import java.util.List;

/**
 * Gathers what the dashboard shows for a set of filters. The per-specialist figures and the confusions are
 * {@link RoutingStats} itself, over the same scope {@code ./dispatcher stats} would use, so both say the same numbers.
 */
final class Dashboard {

    private final BotCore core;
    private final AccuracySeries series;
    private final DashboardQueries queries;
    private final PlannerStatistics planner;

    Dashboard(BotCore core, MessageLinks links) {
        this.core = core;
        this.series = new AccuracySeries(core.database());
        this.queries = new DashboardQueries(core.database(), links);
        this.planner = new PlannerStatistics(core.database(), core.clock());
    }

    DashboardModel show(Filters filters, String csrf, String notice) {
        planner.refresh();
        StatsScope scope = filters.scope(core.clock());
        RoutingStats.Window window = core.stats().window(filters.label(), scope, Integer.MAX_VALUE);
        int pages = Math.max(1, (window.flagged() + DashboardQueries.PAGE_SIZE - 1) / DashboardQueries.PAGE_SIZE);
        List<String> specialists = core.catalog().specialists().stream().map(Specialist::id).toList();
        List<AccuracySeries.Point> days = series.of(scope, AccuracySeries.Period.DAY);
        return new DashboardModel(filters, window,
                ChartData.series(days),
                ChartData.series(AccuracySeries.weeks(days)),
                ChartData.matrix(window),
                queries.fallbacks(scope),
                queries.flagged(scope, filters.page()),
                pages, specialists, queries.places(), csrf, notice);
    }
}
