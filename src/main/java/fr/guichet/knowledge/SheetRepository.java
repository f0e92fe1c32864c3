package fr.guichet.knowledge;

import org.springframework.data.jpa.repository.JpaRepository;

interface SheetRepository extends JpaRepository<Sheet, Long> {
}
