package com.example.teamd;

import com.example.shared.User;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;

@Table(name = "teamd_projects")
@Index(columns = "owner_id")
public record TeamdProject(
        @Id @Identity long id,
        @References(table = User.class) long ownerId,
        String title,
        @DefaultNow Instant createdAt) {
}
