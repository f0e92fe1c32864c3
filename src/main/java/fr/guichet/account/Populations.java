package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Large sets of active accounts, by what they chose or where they belong, as an announcement aims
 * at them: one query each, ids only, whatever their number.
 */
@Service
public class Populations {

    private static final int IDS_PER_QUERY = 1000;

    private final JdbcClient jdbc;

    Populations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Set<AccountId> everyone() {
        return ids(jdbc.sql("select id from account where status = 'ACTIVE'")
                .query(Long.class)
                .list());
    }

    /** Members (confirmed) of any of these organisations. */
    @Transactional(readOnly = true)
    public Set<AccountId> membersOf(Collection<OrganizationId> organizations) {
        if (organizations.isEmpty()) {
            return Set.of();
        }
        var result = new HashSet<AccountId>();
        var ids = organizations.stream().map(OrganizationId::value).distinct().toList();
        for (var from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            result.addAll(ids(jdbc.sql("""
                            select distinct a.id from account a join membership m on m.account_id = a.id
                            where a.status = 'ACTIVE' and m.status = 'CONFIRMED' and m.organization_id in (:ids)""")
                    .param("ids", ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size())))
                    .query(Long.class)
                    .list()));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public Set<AccountId> interestedIn(Collection<InterestDomain> domains) {
        if (domains.isEmpty()) {
            return Set.of();
        }
        return ids(jdbc.sql("""
                        select distinct a.id from account a join account_interest_domain d on d.account_id = a.id
                        where a.status = 'ACTIVE' and d.domain in (:domains)""")
                .param("domains", domains.stream().map(Enum::name).toList())
                .query(Long.class)
                .list());
    }

    /** Those among these people who asked for the agency's newsletter at registration or since. */
    @Transactional(readOnly = true)
    public Set<AccountId> newsletterReaders(Collection<AccountId> people) {
        var result = new HashSet<AccountId>();
        var ids = people.stream().map(AccountId::value).distinct().toList();
        for (var from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            result.addAll(ids(jdbc.sql("select id from account where newsletter and id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size())))
                    .query(Long.class)
                    .list()));
        }
        return result;
    }

    private static Set<AccountId> ids(List<Long> ids) {
        return ids.stream().map(AccountId::new).collect(Collectors.toSet());
    }
}
