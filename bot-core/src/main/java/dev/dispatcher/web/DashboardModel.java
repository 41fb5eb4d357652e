package dev.dispatcher.web;

import dev.dispatcher.feedback.RoutingStats;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard template shows, gathered before rendering so the template only lays it out.
 *
 * @param filters      what was asked for
 * @param window       routed, flagged and corrected per specialist, with every confusion (the figures of {@code stats})
 * @param dailyJson    accuracy and tasks per day, for the chart ({@link ChartData#series})
 * @param weeklyJson   the same per week
 * @param matrixJson   the confusion matrix, for the heat map ({@link ChartData#matrix})
 * @param fallbacks    fallbacks per reason and how many were corrected
 * @param flagged      one page of flagged decisions
 * @param pages        how many pages of flagged decisions there are
 * @param specialists  every specialist id, for the filter and the correction choices
 * @param places       platforms and their busiest channels, for the filters
 * @param csrf         the token every form sends back
 * @param notice       what the last action did, or {@code null}
 */
public record DashboardModel(Filters filters, RoutingStats.Window window, String dailyJson, String weeklyJson, String matrixJson,
                             List<FallbackLine> fallbacks, List<FlaggedDecision> flagged, int pages, List<String> specialists,
                             Map<String, List<String>> places, String csrf, String notice) {

    /** The filters' address on another page of flagged decisions. */
    public String pageHref(int page) {
        return filters.onPage(page).href();
    }
}
