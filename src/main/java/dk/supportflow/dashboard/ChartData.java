package dk.supportflow.dashboard;

import java.util.List;

/** One chart's figures: the category labels and one series of values per label (as Chart.js takes them). */
public record ChartData(String title, List<String> labels, List<Series> series) {

    public record Series(String name, List<Long> values) {
    }
}
