package fr.guichet.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One list being registered: how far it got, and what became of each line so far. */
record EventImportRun(long id, long eventId, long sessionId, int total, int done, boolean finished, List<Line> lines) {

    /**
     * What a line came to. ALREADY: the person already held a place, waited or waited for agreement
     * in this session (so running the same file again registers nobody twice).
     */
    enum Outcome {
        CONFIRMED,
        WAITING,
        ALREADY,
        REFUSED
    }

    record Line(
            int number,
            @Nullable String email,
            Outcome outcome,
            @Nullable String reason) {}

    public long confirmed() {
        return count(Outcome.CONFIRMED);
    }

    public long waiting() {
        return count(Outcome.WAITING);
    }

    public long already() {
        return count(Outcome.ALREADY);
    }

    public long refused() {
        return count(Outcome.REFUSED);
    }

    private long count(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    /** Done out of a hundred, for the bar's width. */
    public int percent() {
        return total == 0 ? 100 : done * 100 / total;
    }
}
