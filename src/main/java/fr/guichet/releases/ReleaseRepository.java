package fr.guichet.releases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReleaseRepository extends JpaRepository<Release, Long> {

    List<Release> findByProductIdOrderByCreatedAtDescIdDesc(long productId);
}
