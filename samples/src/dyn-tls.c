/*
 * Thread-local storage in a dynamically linked program: __thread
 * variables (the runtime linker's static TLS) with their initial values in
 * every new thread, pthread keys whose destructors run at thread exit
 * (again while they set values, up to PTHREAD_DESTRUCTOR_ITERATIONS),
 * cleanup handlers run by pthread_exit, deferred cancellation, and the
 * initial thread leaving with pthread_exit while another thread finishes
 * the process.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static __thread int tls_counter = 5;
static __thread char tls_name[16] = "initial";
static __thread long tls_zero;

static pthread_key_t key_a, key_b;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char logbuf[4096];

static void
logf_(const char *fmt, const char *s, long v)
{
	char line[128];

	snprintf(line, sizeof(line), fmt, s, v);
	pthread_mutex_lock(&log_lock);
	strncat(logbuf, line, sizeof(logbuf) - strlen(logbuf) - 1);
	pthread_mutex_unlock(&log_lock);
}

static void
flush_log(void)
{
	pthread_mutex_lock(&log_lock);
	fputs(logbuf, stdout);
	logbuf[0] = '\0';
	pthread_mutex_unlock(&log_lock);
}

static void
dtor_a(void *v)
{
	logf_("  destructor a: %s %ld\n", "value", (long)v);
	/* Setting a value again makes another round of destructors. */
	if ((long)v < 3)
		pthread_setspecific(key_a, (void *)((long)v + 1));
}

static void
dtor_b(void *v)
{
	logf_("  destructor b: %s%.0ld\n", (char *)v, 0);
	free(v);
}

static void *
worker(void *arg)
{
	long id = (long)arg;

	logf_("worker %s: tls_counter %ld", "starts", tls_counter);
	logf_(" name %s zero %ld\n", tls_name, tls_zero);
	tls_counter += (int)id * 100;
	snprintf(tls_name, sizeof(tls_name), "worker%ld", id);
	tls_zero = id;
	pthread_setspecific(key_a, (void *)1);
	char *s = malloc(32);
	snprintf(s, 32, "b-of-%s", tls_name);
	pthread_setspecific(key_b, s);
	logf_("worker %s: tls_counter %ld\n", tls_name, tls_counter);
	return (void *)(long)tls_counter;
}

/* --- cleanup handlers and cancellation ----------------------------------- */

static void
cleanup(void *arg)
{
	logf_("  cleanup handler: %s%.0ld\n", (char *)arg, 0);
}

static void *
exits_early(void *arg)
{
	(void)arg;
	pthread_cleanup_push(cleanup, "outer");
	pthread_cleanup_push(cleanup, "inner");
	pthread_exit((void *)42);
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	return NULL;
}

static void *
pops(void *arg)
{
	(void)arg;
	pthread_cleanup_push(cleanup, "popped and run");
	pthread_cleanup_push(cleanup, "popped, not run");
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(1);
	return (void *)7;
}

static volatile int spinning;

static void *
cancellable(void *arg)
{
	(void)arg;
	pthread_cleanup_push(cleanup, "cancelled");
	spinning = 1;
	for (;;)
		pthread_testcancel();
	pthread_cleanup_pop(0);
	return NULL;
}

/* --- the initial thread leaving first --------------------------------------- */

static pthread_mutex_t last_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t last_cv = PTHREAD_COND_INITIALIZER;
static int main_gone;
static pthread_key_t key_main;

static void
main_dtor(void *v)
{
	printf("main's destructor: %s\n", (char *)v);
	fflush(stdout);
	pthread_mutex_lock(&last_lock);
	main_gone = 1;
	pthread_cond_signal(&last_cv);
	pthread_mutex_unlock(&last_lock);
}

static void *
last_one(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&last_lock);
	while (!main_gone)
		pthread_cond_wait(&last_cv, &last_lock);
	pthread_mutex_unlock(&last_lock);
	printf("the last thread out; tls_name \"%s\"\n", tls_name);
	return NULL;
}

int
main(void)
{
	pthread_t t;
	void *r;

	pthread_key_create(&key_a, dtor_a);
	pthread_key_create(&key_b, dtor_b);
	for (long i = 1; i <= 3; i++) {
		pthread_create(&t, NULL, worker, (void *)i);
		pthread_join(t, &r);
		logf_("joined: %s %ld\n", "returned", (long)r);
		flush_log();
	}
	printf("main: tls_counter %d name %s zero %ld\n", tls_counter, tls_name, tls_zero);
	printf("main: key_a %s\n", pthread_getspecific(key_a) ? "set" : "unset");

	pthread_create(&t, NULL, exits_early, NULL);
	pthread_join(t, &r);
	logf_("exits_early: %s %ld\n", "returned", (long)r);
	pthread_create(&t, NULL, pops, NULL);
	pthread_join(t, &r);
	logf_("pops: %s %ld\n", "returned", (long)r);
	pthread_create(&t, NULL, cancellable, NULL);
	while (!spinning)
		;
	pthread_cancel(t);
	pthread_join(t, &r);
	logf_("cancellable: %s%.0ld\n", r == PTHREAD_CANCELED ? "PTHREAD_CANCELED" : "?", 0);
	flush_log();

	/* A key deleted and made again does not bring old values back. */
	pthread_setspecific(key_b, "stale");
	pthread_key_delete(key_b);
	pthread_key_create(&key_b, NULL);
	printf("recreated key: %s\n", pthread_getspecific(key_b) ? "stale value" : "empty");

	pthread_key_create(&key_main, main_dtor);
	pthread_setspecific(key_main, "ran at pthread_exit");
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	pthread_create(&t, &a, last_one, NULL);
	pthread_attr_destroy(&a);
	strcpy(tls_name, "main-exited");
	printf("main: leaving with pthread_exit\n");
	fflush(stdout);
	pthread_exit(NULL);
}
