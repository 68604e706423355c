/* uxrun FreeBSD SDK: nl_langinfo(3) items (FreeBSD's numbers). */
#ifndef _UXRT_LANGINFO_H
#define _UXRT_LANGINFO_H

typedef int nl_item;

#define CODESET		0
#define D_T_FMT		1
#define D_FMT		2
#define T_FMT		3
#define T_FMT_AMPM	4
#define AM_STR		5
#define PM_STR		6
#define DAY_1		7	/* to DAY_7, 13 */
#define ABDAY_1		14	/* to ABDAY_7, 20 */
#define MON_1		21	/* to MON_12, 32 */
#define ABMON_1		33	/* to ABMON_12, 44 */
#define ERA		45
#define ERA_D_FMT	46
#define ERA_D_T_FMT	47
#define ERA_T_FMT	48
#define ALT_DIGITS	49
#define RADIXCHAR	50
#define THOUSEP		51
#define YESEXPR		52
#define NOEXPR		53
#define YESSTR		54
#define NOSTR		55
#define CRNCYSTR	56
#define D_MD_ORDER	57
#define ALTMON_1	58	/* to ALTMON_12, 69 */

char *nl_langinfo(nl_item item);

#endif
