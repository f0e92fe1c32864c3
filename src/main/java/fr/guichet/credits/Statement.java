package fr.guichet.credits;

import fr.guichet.organization.OrganizationView;
import java.util.List;
import java.util.Set;

/**
 * A period's statement: the balance before it, what was acquired, what was consumed of each kind,
 * the balance at its end, and its movements (the latest {@link #MOVEMENTS_SHOWN}, and which of them a
 * counter-movement undid).
 */
public record Statement(
        OrganizationView holder,
        StatementPeriod period,
        long opening,
        long acquired,
        List<Consumption> consumed,
        List<Movement> movements,
        Set<Long> corrected) {

    static final int MOVEMENTS_SHOWN = 200;

    public record Consumption(String code, String label, long amount) {}

    public long consumedTotal() {
        return consumed.stream().mapToLong(Consumption::amount).sum();
    }

    public long closing() {
        return opening + acquired - consumedTotal();
    }

    public List<Movement> shownMovements() {
        return movements.size() > MOVEMENTS_SHOWN ? movements.subList(0, MOVEMENTS_SHOWN) : movements;
    }

    /** Not a correction, nor corrected yet: an agent may undo it. */
    public boolean correctable(Movement movement) {
        return movement.correctsId() == null && !corrected.contains(movement.id());
    }

    public boolean moreMovements() {
        return movements.size() > MOVEMENTS_SHOWN;
    }
}
