package fr.guichet.knowledge;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FaqCategoryRepository extends JpaRepository<FaqCategory, Long> {

    List<FaqCategory> findByRequestCategoryId(Long requestCategoryId);
}
