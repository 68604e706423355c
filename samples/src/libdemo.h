/* libdemo.so.1's interface (samples/src/libdemo.c). */
#ifndef SAMPLES_LIBDEMO_H
#define SAMPLES_LIBDEMO_H

extern __thread int demo_tls;
extern int demo_shared;
extern int demo_initialised;
/* Defined by the program that uses the library. */
extern int demo_main_value;

int demo_version(void);
int demo_next(void);
const char *demo_greeting(const char *who);
int demo_apply(int (*fn)(int), int v);
int (*demo_next_ptr(void))(void);
int demo_read_shared(void);
int demo_picked(void);
int demo_has_hook(void);

#endif
