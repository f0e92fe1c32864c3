package fr.guichet.administration;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserImportRepository extends JpaRepository<UserImport, Long> {}
