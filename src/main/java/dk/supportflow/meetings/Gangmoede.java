package dk.supportflow.meetings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A planned gangmøde: when and where, who planned it, and after it who came and what was agreed. */
@Entity
@Table(name = "gangmoede")
public class Gangmoede {

    public enum Status { PLANNED, HELD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id", nullable = false, unique = true)
    private String processInstanceId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    private String place;

    @Column(name = "online_link")
    private String onlineLink;

    @Column(name = "planned_by", nullable = false)
    private String plannedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String attendees;

    private String agreements;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Gangmoede() {
    }

    Gangmoede(String processInstanceId, MeetingPlan plan, String plannedBy) {
        this.processInstanceId = processInstanceId;
        this.startsAt = plan.startsAt();
        this.endsAt = plan.endsAt();
        this.place = plan.place();
        this.onlineLink = plan.onlineLink();
        this.plannedBy = plannedBy;
        this.status = Status.PLANNED;
    }

    void held(String attendees, String agreements, String recordedBy, Instant recordedAt) {
        this.status = Status.HELD;
        this.attendees = attendees;
        this.agreements = agreements;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getPlace() {
        return place;
    }

    public String getOnlineLink() {
        return onlineLink;
    }

    public String getPlannedBy() {
        return plannedBy;
    }

    public Status getStatus() {
        return status;
    }

    public String getAttendees() {
        return attendees;
    }

    public String getAgreements() {
        return agreements;
    }
}
