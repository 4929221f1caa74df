package dk.supportflow.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last case number handed out in a year. */
@Entity
@Table(name = "case_number_counter")
class CaseNumberCounter {

    @Id
    @Column(name = "case_year")
    private int year;

    @Column(name = "last_value", nullable = false)
    private long lastValue;

    protected CaseNumberCounter() {
    }

    CaseNumberCounter(int year) {
        this.year = year;
    }

    long next() {
        return ++lastValue;
    }
}
