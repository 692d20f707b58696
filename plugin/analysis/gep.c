/* Walking the indices of a getelementptr (instruction or constant expression): the one place that
 * knows which type each index steps in and how many bytes it moves (ptrcheck_private/ir.h). */
#include "ptrcheck_private/ir.h"

void ptrcheck_ir_gep_begin(ptrcheck_ir_gep_it_t *it, LLVMTargetDataRef td, LLVMValueRef gep)
{
    it->td = td;
    it->gep = gep;
    it->next = 1;
    it->n = gep && ptrcheck_ir_opcode(gep) == LLVMGetElementPtr ? (unsigned)LLVMGetNumOperands(gep) : 0;
    it->type = it->n ? LLVMGetGEPSourceElementType(gep) : NULL;
    it->stuck = it->n && !it->type;
}

int ptrcheck_ir_gep_next(ptrcheck_ir_gep_it_t *it, ptrcheck_ir_gep_step_t *s)
{
    if (it->stuck || it->next >= it->n)
        return 0;
    LLVMTypeRef t = it->type;
    LLVMValueRef idx = LLVMGetOperand(it->gep, it->next);
    s->operand = it->next;
    s->index = idx;
    s->in = t;
    s->is_const = LLVMIsAConstantInt(idx) != 0;
    s->value = s->is_const ? LLVMConstIntGetSExtValue(idx) : 0;
    s->field = 0;
    s->field_offset = 0;
    s->elem_bytes = 0;
    if (it->next == 1) {
        /* the leading index counts whole objects of the source element type */
        s->kind = PTRCHECK_IR_GEP_LEADING;
        s->type = t;
        s->elem_bytes = ptrcheck_ir_type_size(it->td, t);
        it->next++;
        return 1;
    }
    switch (LLVMGetTypeKind(t)) {
    case LLVMStructTypeKind:
        if (!s->is_const || s->value < 0 || (unsigned long long)s->value >= LLVMCountStructElementTypes(t))
            break;
        s->kind = PTRCHECK_IR_GEP_FIELD;
        s->field = (unsigned)s->value;
        s->field_offset = it->td ? LLVMOffsetOfElement(it->td, t, s->field) : 0;
        s->type = LLVMStructGetTypeAtIndex(t, s->field);
        it->type = s->type;
        it->next++;
        return 1;
    case LLVMArrayTypeKind:
    case LLVMVectorTypeKind:
        s->kind = LLVMGetTypeKind(t) == LLVMArrayTypeKind ? PTRCHECK_IR_GEP_ARRAY : PTRCHECK_IR_GEP_VECTOR;
        s->type = LLVMGetElementType(t);
        s->elem_bytes = ptrcheck_ir_type_size(it->td, s->type);
        it->type = s->type;
        it->next++;
        return 1;
    default:
        break;
    }
    it->stuck = 1;
    return 0;
}

int ptrcheck_ir_gep_const_offset(LLVMTargetDataRef td, LLVMValueRef gep, long long *off)
{
    ptrcheck_ir_gep_it_t it;
    ptrcheck_ir_gep_step_t s;
    long long o = 0;
    if (!td)
        return 0;
    ptrcheck_ir_gep_begin(&it, td, gep);
    if (!it.n)
        return 0;
    while (ptrcheck_ir_gep_next(&it, &s)) {
        if (!s.is_const)
            return 0;
        if (s.kind == PTRCHECK_IR_GEP_FIELD) {
            o += (long long)s.field_offset;
        } else if (s.kind == PTRCHECK_IR_GEP_VECTOR || !LLVMTypeIsSized(s.type)) {
            return 0;
        } else {
            o += s.value * (long long)s.elem_bytes;
        }
    }
    if (it.stuck)
        return 0;
    *off = o;
    return 1;
}
