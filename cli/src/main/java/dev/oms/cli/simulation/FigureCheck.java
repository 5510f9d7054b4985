package dev.oms.cli.simulation;

/** One KPI of one day: before the run, as expected after it, and as analytics reports it after it. */
public record FigureCheck(String figure, boolean money, long before, long expected, long actual) {

    public boolean ok() {
        return expected == actual;
    }
}
