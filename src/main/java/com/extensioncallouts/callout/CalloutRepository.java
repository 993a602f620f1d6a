package com.extensioncallouts.callout;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface CalloutRepository extends ListCrudRepository<CalloutRow, Long> {

    Optional<CalloutRow> findByNameKey(String nameKey);

    List<CalloutRow> findAllByOrderByNameKeyAsc();
}
