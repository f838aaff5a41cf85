CREATE TABLE "family_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_notes_body_not_blank" CHECK (length(trim("family_notes"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "guardian_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"scope" text DEFAULT 'profile-and-learning' NOT NULL,
	"method" text NOT NULL,
	"family_id" uuid,
	"recorded_by" uuid,
	"guardian_name" text DEFAULT '' NOT NULL,
	"paper_signed_on" date,
	"paper_reference" text,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	CONSTRAINT "guardian_consents_method_fields" CHECK (("guardian_consents"."method" = 'family-account' and "guardian_consents"."family_id" is not null) or ("guardian_consents"."method" = 'paper-form' and "guardian_consents"."paper_signed_on" is not null and "guardian_consents"."paper_reference" is not null))
);
--> statement-breakpoint
CREATE TABLE "home_practice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"family_id" uuid,
	"practised_on" date NOT NULL,
	"activity" text NOT NULL,
	"minutes" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_practice_minutes" CHECK ("home_practice"."minutes" between 1 and 600)
);
--> statement-breakpoint
CREATE TABLE "home_visit_lessons" (
	"visit_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"variant_key" text,
	CONSTRAINT "home_visit_lessons_visit_id_resource_id_pk" PRIMARY KEY("visit_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "home_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"teacher_id" uuid,
	"visited_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"taught" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"client_key" text,
	"notes_erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_visits_duration" CHECK ("home_visits"."duration_minutes" between 1 and 600)
);
--> statement-breakpoint
CREATE TABLE "student_age_statements" (
	"student_id" uuid PRIMARY KEY NOT NULL,
	"aged_14_or_over" boolean NOT NULL,
	"stated_by" uuid,
	"stated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "student_profiles" (
	"student_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"disability_category" text,
	"support_needs" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "family_notes" ADD CONSTRAINT "family_notes_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_notes" ADD CONSTRAINT "family_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_consents" ADD CONSTRAINT "guardian_consents_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_consents" ADD CONSTRAINT "guardian_consents_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_consents" ADD CONSTRAINT "guardian_consents_family_id_users_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_consents" ADD CONSTRAINT "guardian_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_consents" ADD CONSTRAINT "guardian_consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_practice" ADD CONSTRAINT "home_practice_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_practice" ADD CONSTRAINT "home_practice_family_id_users_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visit_lessons" ADD CONSTRAINT "home_visit_lessons_visit_id_home_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."home_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visit_lessons" ADD CONSTRAINT "home_visit_lessons_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_age_statements" ADD CONSTRAINT "student_age_statements_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_age_statements" ADD CONSTRAINT "student_age_statements_stated_by_users_id_fk" FOREIGN KEY ("stated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD CONSTRAINT "student_profiles_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD CONSTRAINT "student_profiles_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD CONSTRAINT "student_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_notes_student_idx" ON "family_notes" USING btree ("student_id","created_at");--> statement-breakpoint
CREATE INDEX "guardian_consents_student_idx" ON "guardian_consents" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guardian_consents_one_in_force" ON "guardian_consents" USING btree ("student_id") WHERE "guardian_consents"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "home_practice_student_idx" ON "home_practice" USING btree ("student_id","practised_on");--> statement-breakpoint
CREATE INDEX "home_visit_lessons_resource_idx" ON "home_visit_lessons" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "home_visits_student_idx" ON "home_visits" USING btree ("student_id","visited_on");--> statement-breakpoint
CREATE INDEX "home_visits_teacher_idx" ON "home_visits" USING btree ("teacher_id","visited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "home_visits_teacher_client_key" ON "home_visits" USING btree ("teacher_id","client_key") WHERE "home_visits"."client_key" is not null;