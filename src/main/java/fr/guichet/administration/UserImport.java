package fr.guichet.administration;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One run of a CSV import: how far it got, and what became of each line. */
@Entity
@Table(name = "user_import")
class UserImport {

    enum Status {
        RUNNING,
        DONE
    }

    enum Outcome {
        CREATED,
        JOINED,
        ALREADY_PRESENT,
        REFUSED
    }

    @Embeddable
    record Line(
            @Column(name = "line_number") int number,
            String email,
            @Enumerated(EnumType.STRING) Outcome outcome,
            String reason) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organization_id")
    private long organizationId;

    @Column(name = "started_by")
    private long startedBy;

    private int total;

    private int done;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @ElementCollection
    @CollectionTable(name = "user_import_line", joinColumns = @JoinColumn(name = "import_id"))
    @OrderBy("number")
    private List<Line> lines = new ArrayList<>();

    protected UserImport() {}

    UserImport(long organizationId, long startedBy, int total, Instant now) {
        this.organizationId = organizationId;
        this.startedBy = startedBy;
        this.total = total;
        this.status = total == 0 ? Status.DONE : Status.RUNNING;
        this.createdAt = now;
        this.finishedAt = total == 0 ? now : null;
    }

    void record(Line line, Instant now) {
        lines.add(line);
        done = lines.size();
        if (done >= total) {
            status = Status.DONE;
            finishedAt = now;
        }
    }

    Long id() {
        return id;
    }

    long organizationId() {
        return organizationId;
    }

    int total() {
        return total;
    }

    int done() {
        return done;
    }

    boolean finished() {
        return status == Status.DONE;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    long count(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }
}
