package fr.guichet.statistics;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of a statistics page (and of its CSV), labels already in the reader's language.
 *
 * @param averageFirstReplyDays null when nothing was answered in the period
 * @param firstRepliesInTimePercent the share of first replies within the service commitment
 */
public record Report(
        String scope,
        Period period,
        Access access,
        Tickets tickets,
        Replies replies,
        People people,
        List<Line> months,
        List<Line> serviceCounts) {

    /** One line of a table: what, how many; {@code second} and {@code third} for the monthly trend's other columns. */
    public record Line(String label, long amount, long second, long third, long fourth) {

        public static Line of(String label, long amount) {
            return new Line(label, amount, 0, 0, 0);
        }
    }

    public record Access(long requested, long granted, long accepted, long refused) {}

    public record Tickets(
            long filed, List<Line> byStatus, List<Line> byNature, List<Line> byPriority, List<Line> byProduct) {}

    public record Replies(
            long firstReplies,
            @Nullable Double averageFirstReplyDays,
            @Nullable Long firstRepliesInTimePercent,
            long resolutions,
            @Nullable Double averageResolutionDays) {}

    public record People(long signIns, long active) {}
}
