package dev.sleet.sample;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.Seeder;
import dev.sleet.runtime.schedule.BookingResult;
import dev.sleet.sample.billing.Invoice;
import dev.sleet.sample.billing.InvoiceDao;
import dev.sleet.sample.billing.InvoiceStatus;
import dev.sleet.sample.domain.Client;
import dev.sleet.sample.domain.ClientDao;
import dev.sleet.sample.domain.Communication;
import dev.sleet.sample.domain.CommunicationDao;
import dev.sleet.sample.domain.CommunicationKind;
import dev.sleet.sample.domain.Event;
import dev.sleet.sample.domain.EventDao;
import dev.sleet.sample.domain.EventStatus;
import dev.sleet.sample.domain.Resource;
import dev.sleet.sample.domain.ResourceDao;
import dev.sleet.sample.domain.ResourceType;
import dev.sleet.sample.domain.Task;
import dev.sleet.sample.domain.TaskCategory;
import dev.sleet.sample.domain.TaskDao;
import dev.sleet.sample.domain.User;
import dev.sleet.sample.domain.UserDao;
import dev.sleet.sample.domain.UserRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Demo data for the catering scheduler. Idempotent: every row is looked up by its natural key
 * (email, name, event + title, …) and only inserted when missing, so running it twice leaves the
 * same rows. Dates are fixed, not relative to today, for the same reason.
 */
public final class CateringSeeder implements Seeder {

    /** Everyone with a password signs in with this one in the demo. */
    static final String DEMO_PASSWORD = "password123";

    @Override
    public void seed(DataSource dataSource) {
        seed(Database.of(dataSource));
    }

    /** Seeds and returns how many rows were inserted (0 on a second run). */
    public int seed(Database db) {
        return db.transaction(tx -> new Run(db).all());
    }

    /** One seeding pass; counts what it inserted. */
    private static final class Run {
        private final ClientDao clients;
        private final UserDao users;
        private final EventDao events;
        private final TaskDao tasks;
        private final ResourceDao resources;
        private final CommunicationDao communications;
        private final InvoiceDao invoices;
        private final SchedulingService scheduling;
        private int inserted;

        Run(Database db) {
            clients = new ClientDao(db);
            users = new UserDao(db);
            events = new EventDao(db);
            tasks = new TaskDao(db);
            resources = new ResourceDao(db);
            communications = new CommunicationDao(db);
            invoices = new InvoiceDao(db);
            scheduling = new SchedulingService(db);
        }

        int all() {
            Client harbor = client("Harbor Lights Weddings", "events@harborlights.example", "+31 20 555 0101", "Harbor Lights BV");
            Client northwind = client("Northwind Traders", "office@northwind.example", "+44 20 5550 0199", "Northwind Ltd");
            Client ada = client("Ada Lovelace Foundation", "gala@adafoundation.example", null, null);

            String hash = BCrypt.hashpw(DEMO_PASSWORD, BCrypt.gensalt(10));
            User admin = user(null, "admin@sleet-catering.example", "Alex Admin", UserRole.ADMIN, hash);
            User manager = user(null, "manager@sleet-catering.example", "Morgan Manager", UserRole.MANAGER, hash);
            user(harbor.id(), "bride@harborlights.example", "Hannah Harbor", UserRole.CLIENT, null);
            user(northwind.id(), "assistant@northwind.example", "Nick Northwind", UserRole.CLIENT, null);

            Event wedding = event(harbor, manager, "Harbor summer wedding", EventStatus.COMPLETED, LocalDate.of(2026, 6, 13), 140, "Lighthouse pier");
            Event offsite = event(northwind, manager, "Northwind autumn offsite", EventStatus.FOLLOW_UP, LocalDate.of(2026, 9, 24), 60, "Old mill");
            Event gala = event(ada, admin, "Ada winter gala", EventStatus.PREPARATION, LocalDate.of(2026, 12, 10), 220, "City hall");
            Event launch = event(northwind, manager, "Northwind product launch", EventStatus.PLANNING, LocalDate.of(2027, 1, 21), 90, null);
            Event anniversary = event(harbor, null, "Harbor tenth anniversary", EventStatus.INQUIRY, LocalDate.of(2027, 3, 6), 40, null);

            task(wedding, manager, "Confirm final guest count", TaskCategory.PRE_EVENT, at(2026, 6, 6, 12));
            task(wedding, null, "Return rented glassware", TaskCategory.POST_EVENT, at(2026, 6, 15, 10));
            task(offsite, manager, "Send thank-you notes", TaskCategory.POST_EVENT, at(2026, 9, 30, 9));
            Task galaMenu = task(gala, admin, "Tasting menu with the foundation", TaskCategory.PRE_EVENT, at(2026, 11, 28, 15));
            Task galaKitchen = task(gala, manager, "Run the mobile kitchen", TaskCategory.DURING_EVENT, at(2026, 12, 10, 16));
            task(gala, manager, "Serve the five-course dinner", TaskCategory.DURING_EVENT, at(2026, 12, 10, 19));
            task(gala, null, "Collect equipment", TaskCategory.POST_EVENT, at(2026, 12, 11, 10));
            task(launch, manager, "Draft canape menu", TaskCategory.PRE_EVENT, at(2027, 1, 7, 12));
            task(launch, null, "Staff the bar", TaskCategory.DURING_EVENT, at(2027, 1, 21, 18));
            task(anniversary, null, "Call back about the date", TaskCategory.PRE_EVENT, at(2026, 11, 30, 10));

            Resource chef = resource("Chef Marco", ResourceType.STAFF);
            Resource servers = resource("Service team A", ResourceType.STAFF);
            Resource kitchen = resource("Mobile kitchen", ResourceType.EQUIPMENT);
            resource("Chafing dish set", ResourceType.EQUIPMENT);
            resource("Linen and tableware", ResourceType.MATERIALS);

            book(chef, gala, galaMenu, at(2026, 11, 28, 14), at(2026, 11, 28, 17), "Tasting");
            book(chef, gala, galaKitchen, at(2026, 12, 10, 15), at(2026, 12, 10, 23), "Gala dinner");
            book(kitchen, gala, galaKitchen, at(2026, 12, 10, 12), at(2026, 12, 11, 1), "Set up, service, tear down");
            book(servers, gala, null, at(2026, 12, 10, 17), at(2026, 12, 10, 23), null);
            book(chef, launch, null, at(2027, 1, 21, 16), at(2027, 1, 21, 22), "Launch canapes");

            communication(wedding, harbor, manager, CommunicationKind.EMAIL, "Menu confirmation", "The three-course menu is confirmed.", at(2026, 5, 20, 9));
            communication(wedding, harbor, manager, CommunicationKind.PHONE, "Guest count", "140 guests, 12 vegetarian.", at(2026, 6, 5, 16));
            communication(offsite, northwind, manager, CommunicationKind.MEETING, "Offsite debrief", "Lunch was a hit; coffee ran out at 15:00.", at(2026, 9, 29, 11));
            communication(gala, ada, admin, CommunicationKind.EMAIL, "Tasting invitation", "Please join us for the tasting on 28 November.", at(2026, 11, 10, 10));
            communication(anniversary, harbor, null, CommunicationKind.NOTE, "First inquiry", "Asked about a small dinner in March.", at(2026, 11, 18, 14));

            invoice(wedding, new BigDecimal("18450.00"), InvoiceStatus.PAID, LocalDate.of(2026, 7, 13), at(2026, 7, 2, 9).toInstant());
            invoice(offsite, new BigDecimal("4920.50"), InvoiceStatus.SENT, LocalDate.of(2026, 10, 24), null);
            return inserted;
        }

        private Client client(String name, String email, String phone, String company) {
            return clients.findByEmail(email).orElseGet(() -> {
                inserted++;
                return clients.insert(new ClientDao.New(name, email, phone, company));
            });
        }

        private User user(Long clientId, String email, String name, UserRole role, String passwordHash) {
            return users.findByEmail(email).orElseGet(() -> {
                inserted++;
                return users.insert(new UserDao.New(clientId, email, name, role, passwordHash));
            });
        }

        private Event event(Client client, User coordinator, String name, EventStatus status, LocalDate date, int guests, String venue) {
            return events.findByClientIdAndNameAndEventDate(client.id(), name, date).orElseGet(() -> {
                inserted++;
                return events.insert(new EventDao.New(client.id(), coordinator == null ? null : coordinator.id(), name, date,
                        guests, venue, null).withStatus(status));
            });
        }

        private Task task(Event event, User assignee, String title, TaskCategory category, OffsetDateTime due) {
            return tasks.findByEventIdAndTitle(event.id(), title).orElseGet(() -> {
                inserted++;
                return tasks.insert(new Task(0, event.id(), assignee == null ? null : assignee.id(), title, category,
                        due.toInstant(), event.status() == EventStatus.COMPLETED || event.status() == EventStatus.FOLLOW_UP,
                        null, null));
            });
        }

        private Resource resource(String name, ResourceType type) {
            return resources.findByName(name).orElseGet(() -> {
                inserted++;
                return resources.insert(new ResourceDao.New(name, type));
            });
        }

        /** Books unless this very booking exists already (a second seeding run). */
        private void book(Resource resource, Event event, Task task, OffsetDateTime start, OffsetDateTime end, String notes) {
            BookingResult<?> result = scheduling.book(resource.id(), event.id(), task == null ? null : task.id(), start, end, notes);
            if (result instanceof BookingResult.Booked<?>) {
                inserted++;
            }
        }

        private void communication(Event event, Client client, User user, CommunicationKind kind, String subject, String body, OffsetDateTime sentAt) {
            if (communications.findByEventIdAndSubject(event.id(), subject).isEmpty()) {
                inserted++;
                communications.insert(new Communication(0, event.id(), client.id(), user == null ? null : user.id(), kind,
                        subject, body, sentAt.toInstant(), null, null));
            }
        }

        private void invoice(Event event, BigDecimal amount, InvoiceStatus status, LocalDate due, Instant paidAt) {
            if (invoices.findByEventId(event.id()).isEmpty()) {
                inserted++;
                invoices.insert(new Invoice(0, event.id(), amount, "EUR", status, due, paidAt, null, null));
            }
        }

        private static OffsetDateTime at(int year, int month, int day, int hour) {
            return OffsetDateTime.of(year, month, day, hour, 0, 0, 0, ZoneOffset.UTC);
        }
    }
}
