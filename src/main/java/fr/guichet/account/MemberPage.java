package fr.guichet.account;

import java.util.List;

/** One page of an organisation's members; {@code page} counts from 0. */
public record MemberPage(List<PersonView> people, int page, int size, long total) {

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pageCount();
    }
}
