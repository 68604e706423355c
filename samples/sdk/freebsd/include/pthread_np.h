/* uxrun FreeBSD SDK: FreeBSD's non-portable thread functions (pthread_np.h). */
#ifndef _UXRT_PTHREAD_NP_H
#define _UXRT_PTHREAD_NP_H

#include <pthread.h>

int pthread_attr_get_np(pthread_t, pthread_attr_t *);
int pthread_getthreadid_np(void);
int pthread_main_np(void);
int pthread_mutex_isowned_np(pthread_mutex_t *);
int pthread_peekjoin_np(pthread_t, void **);
int pthread_timedjoin_np(pthread_t, void **, const struct timespec *);
void pthread_set_name_np(pthread_t, const char *);
void pthread_get_name_np(pthread_t, char *, size_t);

#endif
